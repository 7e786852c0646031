from concurrent.futures import InvalidStateError

from localstack.http import Response
from localstack.services.lambda_.invocation.executor_endpoint import ExecutorEndpoint, StatusErrorException
from localstack.services.lambda_.invocation.lambda_models import InvocationResult
from werkzeug import Request


class HostExecutorEndpoint(ExecutorEndpoint):
    """
    LocalStack's callback endpoint of one environment. The runtime listens on a port the system chose and names it
    in its ready call, so no port is guessed; the executor can also end an invocation or a start-up itself.
    """

    def status_ready(self, request: Request, executor_id: str) -> Response:
        body = request.get_json(silent=True)
        if isinstance(body, dict) and isinstance(body.get("port"), int):
            self.container_port = body["port"]
        return super().status_ready(request, executor_id)

    def end_invocation(self, result: InvocationResult) -> bool:
        """Settles the invocation in flight with result; False when the runtime has already answered it."""
        future = self.invocation_future
        if future is None or future.done():
            return False
        try:
            future.set_result(result)
        except InvalidStateError:
            return False
        return True

    def fail_startup(self, reason: bytes) -> None:
        future = self.startup_future
        if future is None or future.done():
            return
        try:
            future.set_exception(StatusErrorException("Environment startup failed", payload=reason))
        except InvalidStateError:
            pass
