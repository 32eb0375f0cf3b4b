"""compose.yaml is valid and passes on every setting .env.example documents.

No container engine runs here or in CI, so this checks the file itself: it parses
(with YAML anchors resolved, as Compose reads them), has the cluster's services,
and every documented setting reaches the assistant's containers."""

from __future__ import annotations

import re

import yaml

from tests.conftest import PROJECT_ROOT

COMPOSE = PROJECT_ROOT / "compose.yaml"
SERVICES = {"postgres", "redis", "migrate", "actions1", "actions2", "rasa1", "rasa2", "haproxy"}


def documented_settings() -> set:
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.MULTILINE))


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_has_the_clusters_services_and_each_runs_something():
    services = compose()["services"]
    assert set(services) == SERVICES
    for name, service in services.items():
        assert "image" in service or "build" in service, name
    assert services["haproxy"]["volumes"] == ["./deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro"]
    assert (PROJECT_ROOT / "deploy" / "haproxy.cfg").is_file() and (PROJECT_ROOT / "Dockerfile").is_file()


def test_every_documented_setting_reaches_the_assistants_containers():
    services = compose()["services"]
    for name in ("migrate", "actions1", "actions2", "rasa1", "rasa2"):
        environment = services[name]["environment"]
        assert documented_settings() - set(environment) == set(), name
        for setting, value in environment.items():
            # Each is taken from the operator's environment or .env, with a default.
            assert str(value).startswith(f"${{{setting}"), (setting, value)


def test_haproxy_gets_every_address_its_configuration_reads():
    lines = (PROJECT_ROOT / "deploy" / "haproxy.cfg").read_text().splitlines()
    configuration = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    wanted = set(re.findall(r'"\$\{([A-Z0-9_]+)\}"', configuration))
    assert wanted == {"LB_BIND", "ACTIONS_LB_BIND", "RASA_1", "RASA_2", "ACTIONS_1", "ACTIONS_2"}
    assert set(compose()["services"]["haproxy"]["environment"]) == wanted
