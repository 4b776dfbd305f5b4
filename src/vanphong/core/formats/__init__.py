"""Django's format modules (settings.FORMAT_MODULE_PATH): only the input formats, the same in
every language (see `core.inputs`); everything else falls through to Django's own."""
