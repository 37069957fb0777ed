"""Bridges Debian 12's Python libraries to the versions the box image ships, for the real box
software run by the real-box harness only (never imported by the add-on or by Odoo servers).

- websocket-client 1.2.3: `enableTrace()` has no `level` keyword (1.9.0, the image's pin, has
  it); without this, `iot_drivers` fails to load and every `/iot_drivers/*` answers 404.
- cryptography 38: certificates have no `not_valid_after_utc` (42+ has it); without this,
  `/iot_drivers/data` answers 500 whenever a certificate file exists. The value is what 42+
  gives: `not_valid_after` with UTC attached.
"""
import datetime

try:
    import websocket

    _enable_trace = websocket.enableTrace

    def enableTrace(traceable, handler=None, level=None):  # noqa: N802 (the library's name)
        return _enable_trace(traceable) if handler is None else _enable_trace(traceable, handler)

    websocket.enableTrace = enableTrace
except ImportError:
    pass

try:
    from cryptography import x509

    _probe = getattr(x509, "Certificate", None)
    if _probe is not None and not hasattr(_probe, "not_valid_after_utc"):
        _load_pem = x509.load_pem_x509_certificate

        class _Certificate:
            """A loaded certificate with 42+'s UTC-aware end date."""

            def __init__(self, certificate):
                self._certificate = certificate

            def __getattr__(self, name):
                return getattr(self._certificate, name)

            @property
            def not_valid_after_utc(self):
                return self._certificate.not_valid_after.replace(tzinfo=datetime.timezone.utc)

            @property
            def not_valid_before_utc(self):
                return self._certificate.not_valid_before.replace(tzinfo=datetime.timezone.utc)

        def load_pem_x509_certificate(data, backend=None):
            return _Certificate(_load_pem(data) if backend is None else _load_pem(data, backend))

        x509.load_pem_x509_certificate = load_pem_x509_certificate
except ImportError:
    pass
