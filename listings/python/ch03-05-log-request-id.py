import asyncio
import contextvars
import logging
import sys

request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Adds the current request id to every record, for the format."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


# On the handler, the filter sees the records of every logger that reaches it;
# on a logger, only that logger's own.
handler = logging.StreamHandler(sys.stdout)
handler.addFilter(RequestIdFilter())
handler.setFormatter(
    logging.Formatter("%(levelname)s %(threadName)s [%(request_id)s] %(message)s")
)
logging.basicConfig(level=logging.INFO, handlers=[handler])
log = logging.getLogger("app")


async def load_user(name):
    # Knows nothing of requests: its line gets the id from the context.
    await asyncio.sleep(0.2)
    log.info("user loaded name=%s", name)


async def audit():
    log.info("audit written")


async def handle(rid, name):
    request_id.set(rid)
    log.info("start")
    await load_user(name)
    await asyncio.create_task(audit())  # the new task copies the context
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, log.info, "run_in_executor copies nothing")
    log.info("done")


async def main():
    async with asyncio.TaskGroup() as tg:
        for n, name in [(1, "ada"), (2, "grace")]:
            tg.create_task(handle(f"req-{n}", name))
            # Far enough apart that the lines come in this order on a busy machine too.
            await asyncio.sleep(0.1)
    log.info("all requests done")


asyncio.run(main())
