"""What the host process of one execution environment is started with: its command line and its environment."""

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

RUNTIME_SCRIPT = Path(__file__).parent / "runtime" / "bootstrap.cjs"

# The rest of the function's memory holds what lives outside V8's heap: code, stacks, buffers, the runtime itself.
HEAP_SHARE_PERCENT = 90
MIN_HEAP_MEGABYTES = 16

# From the host, only what a Node process needs to start; the function's own variables come from LocalStack.
HOST_VARIABLES = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def heap_megabytes(memory_size_mb: int) -> int:
    """Node's old-space limit for a function configured with memory_size_mb of memory."""
    return max(MIN_HEAP_MEGABYTES, int(memory_size_mb) * HEAP_SHARE_PERCENT // 100)


def node_command(node: str, memory_size_mb: int) -> list[str]:
    return [node, f"--max-old-space-size={heap_megabytes(memory_size_mb)}", str(RUNTIME_SCRIPT)]


def runtime_node_major(runtime: str) -> int | None:
    """The Node major a Lambda runtime name asks for: nodejs22.x is 22; None for a name without one."""
    version = runtime.removeprefix("nodejs").removesuffix(".x")
    return int(version) if version.isdigit() else None


def passed_through_names(setting: str | None) -> list[str]:
    """HOST_EXECUTOR_PASS_ENV: comma-separated names of host variables every function also receives."""
    return [name.strip() for name in (setting or "").split(",") if name.strip()]


def process_environment(
    lambda_variables: Mapping[str, object],
    code_dir: str,
    host: Mapping[str, str],
    passed_through: Iterable[str] = (),
) -> dict[str, str]:
    environment = {name: host[name] for name in (*HOST_VARIABLES, *passed_through) if name in host}
    environment.update({name: str(value) for name, value in lambda_variables.items() if value is not None})
    # LocalStack names the container path /var/task; on the host the code is where LocalStack unpacked it.
    environment["LAMBDA_TASK_ROOT"] = code_dir
    # ":UTC" is glibc's zone-file syntax; ICU, behind Node's Intl and Date, expects a zone name.
    if environment.get("TZ", "").startswith(":"):
        environment["TZ"] = environment["TZ"][1:]
    return environment


def timeout_error(request_id: str, timeout_seconds: float) -> bytes:
    """The error payload AWS reports for an invocation that ran out of time."""
    message = f"RequestId: {request_id} Error: Task timed out after {timeout_seconds:.2f} seconds"
    return json.dumps({"errorType": "Sandbox.Timedout", "errorMessage": message}).encode()


def exit_error(request_id: str, return_code: int) -> bytes:
    """The error payload for a runtime process that died during an invocation (a crash, an exhausted heap)."""
    reason = f"signal {-return_code}" if return_code < 0 else f"exit status {return_code}"
    message = f"RequestId: {request_id} Error: Runtime exited with error: {reason}"
    return json.dumps({"errorType": "Runtime.ExitError", "errorMessage": message}).encode()
