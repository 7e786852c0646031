"""Schemathesis hooks of the end-to-end run (tests/e2e/schemathesis.test.ts), loaded through SCHEMATHESIS_HOOKS."""

import re
import uuid

import schemathesis

# src/api/requestSchemas.ts: idempotencyKeySchema.
VALID_IDEMPOTENCY_KEY = re.compile(r"^[\x20-\x7E]{1,255}$")


@schemathesis.hook
def before_load_schema(context, raw_schema):
    """Leaves the page `cursor` out of generation.

    A cursor can only come from the API: it is base64url JSON naming the listing and where the next page starts (the
    document says so with contentEncoding and contentSchema), and one the API did not give out is refused with 400.
    No schema can describe which cursors the API gave out, so every generated one would be refused.
    """
    for path_item in raw_schema.get("paths", {}).values():
        for operation in path_item.values():
            parameters = operation.get("parameters")
            if parameters:
                operation["parameters"] = [
                    parameter
                    for parameter in parameters
                    if not (parameter.get("in") == "query" and parameter.get("name") == "cursor")
                ]


@schemathesis.hook
def before_call(context, case, kwargs):
    """Gives each request with a valid Idempotency-Key a key of its own.

    The same key with another body is refused with 422 on purpose (the key's first request is kept for 24 hours):
    a rule across requests, which a schema of one request cannot carry. An invalid key is left as generated, so a
    negative case stays negative.
    """
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and VALID_IDEMPOTENCY_KEY.match(value):
            headers[name] = f"schemathesis-{uuid.uuid4()}"
