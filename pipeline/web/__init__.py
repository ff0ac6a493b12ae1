"""The page for people: server-rendered HTML (Jinja2 templates, an SVG timeline, one CSS file),
served by the same app as the JSON API and working without JavaScript. Templates and static
files live in this package, so the wheel carries them."""
