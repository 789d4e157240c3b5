"""requests.exceptions: the exceptions of Tollbooth's small `requests` (interp/lib/requests/).

The names and the tree are those of the `requests` package, so `except
requests.exceptions.ConnectionError:` and `except requests.RequestException:` catch what they
catch there. Every one is an OSError (requests' RequestException derives from IOError) and
carries .request and .response (None when no response was read).

One difference: in `requests` the URL errors (MissingSchema, InvalidSchema, InvalidURL) and
InvalidJSONError are also ValueErrors. tollpy cannot give a class both an OSError and a
ValueError base (their instance layouts differ there), so here they are RequestExceptions only,
on both interpreters: `except ValueError` does not catch them. Response.json() raises the json
module's own JSONDecodeError (a ValueError), as requests 2.26 and older did.

No locks: plain classes.
"""


class RequestException(OSError):
    """Something went wrong while handling the request."""

    def __init__(self, *args, **kwargs):
        self.response = kwargs.pop("response", None)
        self.request = kwargs.pop("request", None)
        if self.response is not None and self.request is None:
            self.request = getattr(self.response, "request", None)
        OSError.__init__(self, *args)


class HTTPError(RequestException):
    """raise_for_status() on a 4xx or 5xx response."""


class ConnectionError(RequestException):
    """No connection, or the connection broke before the whole response arrived."""


class ProxyError(ConnectionError):
    """A proxy failed (never raised here: no proxies)."""


class SSLError(ConnectionError):
    """A TLS error (never raised here: no TLS; https:// is InvalidSchema)."""


class Timeout(RequestException):
    """The connect or a read waited longer than `timeout`."""


class ConnectTimeout(ConnectionError, Timeout):
    """No connection within the connect timeout (safe to retry: nothing was sent)."""


class ReadTimeout(Timeout):
    """The server sent nothing for the read timeout."""


class URLRequired(RequestException):
    """No URL."""


class TooManyRedirects(RequestException):
    """More redirects than the limit (30)."""


class MissingSchema(RequestException):
    """The URL has no scheme (http://)."""


class InvalidSchema(RequestException):
    """A scheme this client cannot speak (anything but http://: there is no TLS here)."""


class InvalidURL(RequestException):
    """The URL is not one we can parse (no host, a bad port)."""


class InvalidHeader(RequestException):
    """A header name or value that cannot be sent (a newline in it)."""


class ChunkedEncodingError(RequestException):
    """The server's chunked body is malformed, or ended early."""


class ContentDecodingError(RequestException):
    """A body in an encoding we cannot decode (we ask for none: Accept-Encoding: identity)."""


class InvalidJSONError(RequestException):
    """json= that cannot be encoded."""
