"""Custom actions. Importing this package inside ``rasa run actions`` guards that server."""

from actions.server_guard import guard_action_server

guard_action_server()
