"""An HTTP node for OpenSearch-compatible servers that reject Elasticsearch's
versioned media type ("compatible-with=9") and accept plain JSON."""

from elastic_transport import Urllib3HttpNode

_VENDOR_PREFIX = "application/vnd.elasticsearch+"


class PlainJsonNode(Urllib3HttpNode):
    """Send `application/json` (and `x-ndjson`) instead of the versioned type."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                value = headers.get(name)
                if value and value.startswith(_VENDOR_PREFIX):
                    subtype = value[len(_VENDOR_PREFIX) :].split(";")[0].strip()
                    headers[name] = f"application/{subtype}"
        return super().perform_request(
            method, target, body=body, headers=headers, **kwargs
        )
