"""Report each response's SQL query count in a header, for the load generator."""

from contextlib import ExitStack

from django.db import connections

HEADER = "X-Query-Count"


class QueryCountMiddleware:
    """Count the queries a request runs on every database, with DEBUG off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(counter))
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response
