import json

from sqs_orders_host_executor.process_environment import (
    exit_error,
    heap_megabytes,
    node_command,
    passed_through_names,
    process_environment,
    runtime_node_major,
    timeout_error,
)


def test_the_heap_gets_nine_tenths_of_the_memory_size_and_never_less_than_16_mb():
    assert heap_megabytes(256) == 230
    assert heap_megabytes(1024) == 921
    assert heap_megabytes(10) == 16
    assert node_command("node", 128)[1] == "--max-old-space-size=115"


def test_the_process_gets_the_functions_variables_and_only_the_host_variables_it_needs_or_is_told_to_pass():
    host = {"PATH": "/usr/bin", "HOME": "/root", "SECRET": "host-only", "CONSUMER_FAULTS_FILE": "/tmp/faults.json"}
    environment = process_environment(
        {"AWS_LAMBDA_FUNCTION_MEMORY_SIZE": 256, "PATH": "/opt/bin", "TZ": ":UTC", "EMPTY": None},
        "/code",
        host,
        passed_through_names(" CONSUMER_FAULTS_FILE, ,"),
    )
    assert environment == {
        "PATH": "/opt/bin",
        "HOME": "/root",
        "CONSUMER_FAULTS_FILE": "/tmp/faults.json",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
        "TZ": "UTC",
        "LAMBDA_TASK_ROOT": "/code",
    }


def test_error_payloads_are_shaped_like_aws_ones():
    assert json.loads(timeout_error("r1", 10)) == {
        "errorType": "Sandbox.Timedout",
        "errorMessage": "RequestId: r1 Error: Task timed out after 10.00 seconds",
    }
    assert json.loads(exit_error("r2", -9))["errorMessage"] == "RequestId: r2 Error: Runtime exited with error: signal 9"


def test_a_node_runtime_names_its_major_and_other_runtimes_none():
    assert runtime_node_major("nodejs22.x") == 22
    assert runtime_node_major("nodejs24.x") == 24
    assert runtime_node_major("python3.12") is None
    assert runtime_node_major("provided.al2023") is None
