import logging

logging.basicConfig(format="%(levelname)s %(message)s")
log = logging.getLogger("app")


class ConfigError(Exception):
    pass


def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("reading the port") from e


def load_settings(text):
    try:
        return read_port(text)
    except ConfigError as e:
        raise ConfigError("loading the settings") from e


try:
    load_settings("forty-two")
except ConfigError as e:
    log.error("start failed: %s", e)
    # The traceback of every exception in the chain, the first cause first.
    log.exception("start failed")
