import json
import logging
import os
import tempfile


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {"level": record.levelname, "message": record.getMessage()}
        # What `extra=` gave the call is in the record's attributes.
        for key in ("request_id", "user", "error"):
            if hasattr(record, key):
                line[key] = getattr(record, key)
        return json.dumps(line)


# A name of its own, so that two runs at once do not share a file.
path = os.path.join(tempfile.gettempdir(), f"app-{os.getpid()}.log")
handler = logging.FileHandler(path)
handler.setFormatter(JsonFormatter())
log = logging.getLogger("app")
log.addHandler(handler)
log.setLevel(logging.INFO)

log.info("user loaded", extra={"request_id": "req-1", "user": "ada"})
try:
    int("forty-two")
except ValueError as e:
    log.error("bad port", extra={"request_id": "req-1", "error": str(e)})
log.info("done")

# Each record is flushed as it is written; closing the file is only tidiness.
handler.close()
with open(path) as f:
    print(f.read(), end="")
os.remove(path)
