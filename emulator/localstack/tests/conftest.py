import threading
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from localstack import config
from localstack.services.edge import ROUTER
from localstack.utils.net import get_free_tcp_port
from werkzeug.serving import make_server

from sqs_orders_host_executor.executor import HostRuntimeExecutor

HANDLERS_DIR = Path(__file__).parent
FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:host-executor-test"


@pytest.fixture(scope="session")
def gateway():
    """LocalStack's own router, where the executor endpoints register, served over HTTP as LocalStack serves it."""
    port = get_free_tcp_port()
    server = make_server("127.0.0.1", port, ROUTER.wsgi(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    listen = config.GATEWAY_LISTEN
    config.GATEWAY_LISTEN = [config.HostAndPort("127.0.0.1", port)]
    yield port
    config.GATEWAY_LISTEN = listen
    server.shutdown()


def function_version(handler: str, timeout: int, memory_size: int, runtime: str = "nodejs22.x"):
    code = SimpleNamespace(get_unzipped_code_location=lambda: HANDLERS_DIR, prepare_for_execution=lambda: None)
    return SimpleNamespace(
        id=SimpleNamespace(function_name="host-executor-test", qualifier="$LATEST"),
        qualified_arn=f"{FUNCTION_ARN}:$LATEST",
        config=SimpleNamespace(
            handler=handler, timeout=timeout, memory_size=memory_size, runtime=runtime, code=code, environment={}
        ),
    )


@pytest.fixture
def start_environment(gateway):
    """Starts an environment like LocalStack's ExecutionEnvironment does, with the variables it sets; stops it after."""
    started: list[HostRuntimeExecutor] = []

    def start(handler: str, timeout: int = 3, memory_size: int = 256, **function_variables: str) -> HostRuntimeExecutor:
        executor = HostRuntimeExecutor(uuid.uuid4().hex, function_version(handler, timeout, memory_size))
        started.append(executor)
        executor.start(
            {
                "AWS_LAMBDA_FUNCTION_NAME": "host-executor-test",
                "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": memory_size,
                "AWS_LAMBDA_FUNCTION_TIMEOUT": timeout,
                "LAMBDA_TASK_ROOT": "/var/task",
                "TZ": ":UTC",
                "_HANDLER": handler,
                "LOCALSTACK_RUNTIME_ID": executor.id,
                "LOCALSTACK_RUNTIME_ENDPOINT": executor.get_runtime_endpoint(),
                **function_variables,
            }
        )
        return executor

    yield start
    for executor in started:
        executor.stop()


def invoke(executor: HostRuntimeExecutor, event: object = None):
    import json

    return executor.invoke(
        {
            "invoke-id": str(uuid.uuid4()),
            "invoked-function-arn": FUNCTION_ARN,
            "payload": json.dumps(event if event is not None else {}),
            "trace-id": "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0",
        }
    )
