"""The client's address for the login limit, read as DRF's throttle reads it (NUM_PROXIES)."""

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR with no trusted proxy; behind N proxies, the address the outermost trusted
    proxy appended to X-Forwarded-For (the N-th from the right), so a client cannot choose its
    own address by sending the header itself."""
    remote_addr = request.META.get("REMOTE_ADDR")
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies and forwarded:
        addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return remote_addr
