"""Rasa's own command line, with a performance fix and our home page. Use it like `rasa`:

    .venv/bin/python scripts/rasa_cli.py run --endpoints var/endpoints.yml

Rasa 3.6 checks every reply from the action server with `jsonschema.validate()`,
which re-checks the *schema itself* on every call. Profiling the server under
load (py-spy, 2 concurrent conversations) showed 64% of its time there. This
builds the validator once, for the same schema, and keeps Rasa's error message.

Rasa answers GET / with the text "Hello from Rasa"; we serve the chat page
there instead (widget/channel.py), so the one address people open is the
assistant's own.

Rasa keeps a conversation in memory when saving it fails; behind several
replicas that would split it, so a failed save is raised instead
(actions/store_health.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict

import jsonschema
import rasa.server
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project's packages
from actions import store_health  # noqa: E402
from widget.channel import add_home_page  # noqa: E402

_RESPONSE_SCHEMA = RemoteAction.action_response_format_spec()
jsonschema.validators.validator_for(_RESPONSE_SCHEMA).check_schema(_RESPONSE_SCHEMA)
_RESPONSE_VALIDATOR = jsonschema.validators.validator_for(_RESPONSE_SCHEMA)(_RESPONSE_SCHEMA)


def _validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
    error = jsonschema.exceptions.best_match(_RESPONSE_VALIDATOR.iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the Action "
            f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


RemoteAction._validate_action_result = _validate_action_result
rasa.server.add_root_route = add_home_page
store_health.install()  # a failed save is raised and shown on /widget/health, not kept in memory

if __name__ == "__main__":
    from rasa.__main__ import main

    sys.argv[0] = "rasa"
    sys.exit(main())
