"""A fast, faithful, hardened mock of every operation of spec/openapi.yaml.

`create_app(...)` builds the ASGI app from the IR, `running_server(app)` serves one on a
free loopback port for tests, and `python -m mock_server` runs it from the command line.
"""

from mock_server.accounts import DEFAULT_AGENT_ID
from mock_server.app import DEFAULT_API_KEY, create_app
from mock_server.faults import Fault, FaultKind, FaultPlan, parse_fault
from mock_server.hardening import Limits
from mock_server.hooks import AudioSettings
from mock_server.server import running_server
from mock_server.store import CallStore, StoredCall

__all__ = [
    "DEFAULT_AGENT_ID",
    "DEFAULT_API_KEY",
    "AudioSettings",
    "CallStore",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "Limits",
    "StoredCall",
    "create_app",
    "parse_fault",
    "running_server",
]
