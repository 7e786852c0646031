import json
import os
import time

import pytest
from localstack.services.lambda_.invocation.executor_endpoint import StatusErrorException
from localstack.services.lambda_.invocation.runtime_executor import EXECUTOR_PLUGIN_MANAGER, LambdaRuntimeException

from conftest import function_version, invoke
from sqs_orders_host_executor.executor import HostRuntimeExecutor


def body(result) -> dict:
    return json.loads(result.payload)


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purposes: it runs nothing any more.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_the_plugin_is_found_under_the_name_localstack_is_configured_with():
    assert EXECUTOR_PLUGIN_MANAGER.exists("host")
    assert EXECUTOR_PLUGIN_MANAGER.load("host").load() is HostRuntimeExecutor


def test_a_warm_environment_serves_invocations_in_one_process_with_the_functions_environment(start_environment):
    executor = start_environment("handlers.echo", timeout=5, GREETING="hello")
    first = invoke(executor, {"order": 1})
    second = invoke(executor, {"order": 2})

    assert not first.is_error and not second.is_error
    assert body(first)["event"] == {"order": 1} and body(second)["event"] == {"order": 2}
    assert (body(first)["calls"], body(second)["calls"]) == (1, 2)
    assert body(first)["pid"] == body(second)["pid"] == executor.pid
    assert body(first)["greeting"] == "hello"
    assert body(first)["taskRoot"] == str(executor.function_version.config.code.get_unzipped_code_location())
    assert body(first)["timeZone"] == "UTC"
    assert body(first)["requestId"] == first.request_id
    assert 4000 < body(first)["remainingMs"] <= 5000


@pytest.mark.parametrize("memory_size", [128, 1024])
def test_the_heap_limit_follows_the_functions_memory_size(start_environment, memory_size):
    limit_mb = body(invoke(start_environment("handlers.echo", memory_size=memory_size)))["heapLimitBytes"] / 2**20
    # V8 adds its young generation to the old-space limit it is given (90% of the memory size).
    assert memory_size * 0.9 <= limit_mb <= memory_size * 0.9 + 64


def test_the_handlers_output_goes_to_the_invocation_logs_and_to_localstacks_log(start_environment, capfd):
    executor = start_environment("handlers.logs")
    result = invoke(executor)

    assert body(result) == "logged"
    lines = result.logs.splitlines()
    assert lines[0] == f"START RequestId: {result.request_id} Version: $LATEST"
    assert lines[1:3] == ["first line of the handler", "second line of the handler"]
    assert lines[3] == f"END RequestId: {result.request_id}"
    assert lines[4].startswith(f"REPORT RequestId: {result.request_id}\tDuration: ")
    assert "Memory Size: 256 MB" in lines[4]
    time.sleep(0.1)
    assert "first line of the handler\nsecond line of the handler\n" in capfd.readouterr().err
    assert "second line of the handler" in executor.get_logs()


def test_a_handler_error_is_an_error_result_and_the_environment_stays_warm(start_environment):
    executor = start_environment("handlers.fails")
    pid = executor.pid
    result = invoke(executor)

    assert result.is_error
    assert body(result)["errorType"] == "TypeError" and body(result)["errorMessage"] == "bad order"
    assert "Invoke Error" in result.logs
    assert invoke(executor).is_error and executor.pid == pid


def test_an_invocation_that_outlives_the_timeout_is_ended_and_the_next_one_gets_a_fresh_process(start_environment):
    executor = start_environment("handlers.sleeps", timeout=1)
    pid = executor.pid
    started = time.monotonic()
    result = invoke(executor)

    assert 1 <= time.monotonic() - started < 3
    assert result.is_error
    assert body(result)["errorType"] == "Sandbox.Timedout"
    assert body(result)["errorMessage"].endswith("Task timed out after 1.00 seconds")
    assert "Task timed out after 1.00 seconds" in result.logs
    assert not is_running(pid)

    executor.function_version.config.handler = "handlers.echo"
    executor._environment["_HANDLER"] = "handlers.echo"
    after = invoke(executor)
    assert not after.is_error and body(after)["calls"] == 1 and body(after)["pid"] != pid


def test_a_runtime_that_dies_during_an_invocation_is_reported_and_replaced(start_environment):
    executor = start_environment("handlers.crashes")
    pid = executor.pid
    result = invoke(executor)

    assert result.is_error
    assert body(result)["errorType"] == "Runtime.ExitError"
    assert body(result)["errorMessage"].endswith("Runtime exited with error: exit status 3")
    assert invoke(executor).is_error and executor.pid != pid


def test_a_callback_style_handler_answers_through_its_callback(start_environment):
    assert body(invoke(start_environment("handlers.callback"))) == {"via": "callback"}


def test_a_handler_that_is_not_exported_fails_the_start_with_the_runtimes_reason(start_environment):
    with pytest.raises(StatusErrorException) as failure:
        start_environment("handlers.missing")
    assert json.loads(failure.value.payload)["errorType"] == "Runtime.HandlerNotFound"


def test_stopping_the_environment_ends_its_process(start_environment):
    executor = start_environment("handlers.echo")
    pid = executor.pid
    executor.stop()
    assert not is_running(pid)


def test_only_node_functions_are_accepted():
    with pytest.raises(LambdaRuntimeException, match="Node.js functions only"):
        HostRuntimeExecutor.prepare_version(function_version("handler.main", 3, 128, runtime="python3.12"))


def test_a_function_whose_runtime_names_another_node_major_than_the_node_it_would_run_on_is_refused():
    with pytest.raises(LambdaRuntimeException, match=r"uses nodejs18\.x, but 'node' is Node \d+: put a Node 18 first"):
        HostRuntimeExecutor.prepare_version(function_version("handlers.echo", 3, 128, runtime="nodejs18.x"))


def test_a_function_of_the_runtime_of_the_node_on_path_is_accepted():
    HostRuntimeExecutor.prepare_version(function_version("handlers.echo", 3, 128, runtime="nodejs22.x"))
