"""The console's web app (aiohttp, Jinja2 templates with autoescape, one stylesheet, no script)."""
