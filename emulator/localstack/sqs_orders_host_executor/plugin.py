from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin


class HostRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    """Selected with LAMBDA_RUNTIME_EXECUTOR=host; imports the executor only when LocalStack asks for it."""

    name = "host"

    def load(self, *args, **kwargs):
        from sqs_orders_host_executor.executor import HostRuntimeExecutor

        return HostRuntimeExecutor
