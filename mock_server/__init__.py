"""A fast, faithful mock of Retell AI's two "create phone call" endpoints.

`create_app(...)` builds the ASGI app, `running_server(app)` serves one on a free
loopback port for tests, and `python -m mock_server` runs it from the command line.
"""

from mock_server.app import DEFAULT_API_KEY, V1_PATH, V2_PATH, create_app
from mock_server.behaviour import DEFAULT_AGENT_ID, AudioSettings
from mock_server.faults import Fault, FaultKind, FaultPlan, parse_fault
from mock_server.server import running_server
from mock_server.store import CallStore, StoredCall

__all__ = [
    "DEFAULT_AGENT_ID",
    "DEFAULT_API_KEY",
    "V1_PATH",
    "V2_PATH",
    "AudioSettings",
    "CallStore",
    "Fault",
    "FaultKind",
    "FaultPlan",
    "StoredCall",
    "create_app",
    "parse_fault",
    "running_server",
]
