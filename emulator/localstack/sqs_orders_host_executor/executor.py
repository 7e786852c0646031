import functools
import logging
import os
import shutil
import subprocess
import threading
from collections import deque
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout

from localstack import config
from localstack.services.lambda_.invocation.executor_endpoint import ShutdownDuringStartup
from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, InvocationResult
from localstack.services.lambda_.invocation.runtime_executor import LambdaRuntimeException, RuntimeExecutor

from sqs_orders_host_executor.endpoint import HostExecutorEndpoint
from sqs_orders_host_executor.process_environment import (
    exit_error,
    node_command,
    passed_through_names,
    process_environment,
    runtime_node_major,
    timeout_error,
)

LOG = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
KEPT_OUTPUT_LINES = 1000
STOP_GRACE_SECONDS = 2


def node_binary() -> str:
    return os.environ.get("HOST_EXECUTOR_NODE") or "node"


@functools.cache
def node_major(binary: str) -> int | None:
    """The major version of the Node at binary (None when it does not run)."""
    try:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return int(version.strip().lstrip("v").split(".")[0])


class HostRuntimeExecutor(RuntimeExecutor):
    """
    One execution environment as a Node process on the host. The process stays up between invocations (a warm
    environment) until LocalStack stops the environment; after a timeout or a crash it is replaced at the next
    invocation, as AWS resets a sandbox.
    """

    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id=id, function_version=function_version)
        self.endpoint = HostExecutorEndpoint(id, container_address=LOOPBACK, container_port=None)
        self._process: subprocess.Popen | None = None
        self._environment: dict[str, str] = {}
        self._output: deque[str] = deque(maxlen=KEPT_OUTPUT_LINES)
        self._invocation_output: list[str] = []
        self._request_id: str | None = None
        # Set when the process must not serve another invocation (it timed out); read under the lock.
        self._expired = False
        self._stopped = False
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def _code_dir(self) -> str:
        return str(self.function_version.config.code.get_unzipped_code_location())

    def start(self, env_vars: dict[str, str]) -> None:
        passed = passed_through_names(os.environ.get("HOST_EXECUTOR_PASS_ENV"))
        self._environment = process_environment(env_vars, self._code_dir(), os.environ, passed)
        self._spawn()

    def _spawn(self) -> None:
        with self._lock:
            # Under the lock: the previous process's end must not settle the new start-up.
            self._process = None
            self.endpoint.start()
        command = node_command(node_binary(), self.function_version.config.memory_size)
        # Same process group as LocalStack: stopping LocalStack's group stops every environment with it.
        process = subprocess.Popen(
            command,
            env=self._environment,
            cwd=self._code_dir(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        with self._lock:
            self._process = process
            self._expired = False
        threading.Thread(target=self._follow, args=(process,), name=f"lambda-host-{self.id}", daemon=True).start()
        try:
            self.endpoint.startup_future.result(timeout=config.LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT)
        except CancelledError as error:
            raise ShutdownDuringStartup("Execution environment stopped during its start-up") from error
        except FutureTimeout as error:
            self._end(process)
            raise LambdaRuntimeException(
                f"Node runtime of {self.function_version.qualified_arn} was not ready within "
                f"{config.LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT} s; last output:\n{self.get_logs()}"
            ) from error

    def _follow(self, process: subprocess.Popen) -> None:
        """Copies the runtime's output to LocalStack's log line by line, then reports the process's end."""
        for raw_line in process.stdout:
            # One write per line on the raw descriptor: lines of concurrent environments do not interleave.
            os.write(2, raw_line)
            line = raw_line.decode("utf-8", "replace").rstrip("\n")
            self._output.append(line)
            self._invocation_output.append(line)
        return_code = process.wait()
        with self._lock:
            # A process ended on purpose (stopped, or timed out: _time_out reports that) is no crash.
            if process is not self._process or self._stopped or self._expired:
                return
            reason = exit_error(self._request_id or "-", return_code)
            self.endpoint.fail_startup(reason)
            self.endpoint.end_invocation(
                InvocationResult(self._request_id or "-", reason, is_error=True, logs=self._invocation_logs())
            )

    def _invocation_logs(self) -> str:
        return "".join(f"{line}\n" for line in self._invocation_output)

    def _needs_new_process(self) -> bool:
        with self._lock:
            return self._expired or self._process is None or self._process.poll() is not None

    def invoke(self, payload: dict[str, str]) -> InvocationResult:
        if self._needs_new_process():
            LOG.debug("Replacing the Node process of environment %s before an invocation", self.id)
            self._end(self._process)
            self._spawn()
        request_id = payload["invoke-id"]
        timeout_seconds = float(self.function_version.config.timeout)
        self._request_id = request_id
        self._invocation_output = []
        timer = threading.Timer(timeout_seconds, self._time_out, args=(request_id, timeout_seconds))
        timer.daemon = True
        timer.start()
        try:
            return self.endpoint.invoke(payload)
        finally:
            timer.cancel()

    def _time_out(self, request_id: str, timeout_seconds: float) -> None:
        with self._lock:
            if self.endpoint.invocation_future is None or self.endpoint.invocation_future.done():
                return
            self._expired = True
            process = self._process
        # Ended before the result is given, so a caller that sees the timeout never meets the process again.
        self._end(process)
        note = f"{request_id} Task timed out after {timeout_seconds:.2f} seconds\n"
        self.endpoint.end_invocation(
            InvocationResult(
                request_id,
                timeout_error(request_id, timeout_seconds),
                is_error=True,
                logs=self._invocation_logs() + note,
            )
        )

    @staticmethod
    def _end(process: subprocess.Popen | None) -> None:
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            process = self._process
        self._end(process)
        try:
            self.endpoint.shutdown()
        except Exception as error:
            LOG.debug("Error while shutting down the endpoint of environment %s: %s", self.id, error)

    def get_address(self) -> str:
        return LOOPBACK

    def get_endpoint_from_executor(self) -> str:
        # An address, not "localhost": Node 17+ tries ::1 first, where LocalStack does not listen.
        return LOOPBACK

    def get_runtime_endpoint(self) -> str:
        port = config.GATEWAY_LISTEN[0].port
        return f"http://{LOOPBACK}:{port}{self.endpoint.get_endpoint_prefix()}"

    def get_logs(self) -> str:
        return "\n".join(self._output)

    @classmethod
    def prepare_version(cls, function_version: FunctionVersion) -> None:
        runtime = function_version.config.runtime or ""
        if not runtime.startswith("nodejs"):
            raise LambdaRuntimeException(
                f"The host executor runs Node.js functions only; {function_version.qualified_arn} uses "
                f"'{runtime or 'a container image'}'"
            )
        if shutil.which(node_binary()) is None:
            raise LambdaRuntimeException(f"'{node_binary()}' is not on PATH: set HOST_EXECUTOR_NODE")
        # A function runs on the Node major its runtime names, as on Lambda, or not at all.
        wanted = runtime_node_major(runtime)
        found = node_major(shutil.which(node_binary()))
        if wanted is not None and found != wanted:
            raise LambdaRuntimeException(
                f"{function_version.qualified_arn} uses {runtime}, but '{node_binary()}' is Node {found}: put a "
                f"Node {wanted} first on PATH or set HOST_EXECUTOR_NODE"
            )
        if function_version.config.code:
            function_version.config.code.prepare_for_execution()

    @classmethod
    def cleanup_version(cls, function_version: FunctionVersion) -> None:
        # The unpacked code is LocalStack's own (prepare_for_execution); nothing of ours is left per version.
        pass

    @classmethod
    def validate_environment(cls) -> bool:
        if shutil.which(node_binary()) is None:
            LOG.warning("The host Lambda executor needs Node.js: '%s' is not on PATH (HOST_EXECUTOR_NODE)", node_binary())
            return False
        return True
