"""An async context manager: its exit awaits, and runs after a return, an
error or a cancellation."""
import asyncio
import contextlib


class BufferedWriter:
    """Keeps lines until flush() writes them out, as a BufWriter does."""

    def __init__(self):
        self.buffer, self.written = [], []

    def write(self, line):
        self.buffer.append(line)

    async def flush(self):
        await asyncio.sleep(0.01)  # the I/O
        self.written += self.buffer
        self.buffer.clear()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        await self.flush()
        print(f"__aexit__({exc!r}): {len(self.written)} line(s) written")
        # Returns None, so an exception raised in the block goes on.


@contextlib.asynccontextmanager
async def opened():
    writer = BufferedWriter()
    try:
        yield writer
    finally:  # run by the __aexit__ that the decorator writes
        await writer.flush()
        print(f"opened's finally: {len(writer.written)} line(s) written")


async def slow_body():
    async with opened() as writer:
        writer.write("a line")
        await asyncio.sleep(10)


async def main():
    async with BufferedWriter() as writer:
        writer.write("a line")
    try:
        async with BufferedWriter() as writer:
            writer.write("a line")
            raise OSError("the body failed")
    except OSError as error:
        print("then the block raised:", error)
    try:
        await asyncio.wait_for(slow_body(), timeout=0.02)
    except asyncio.TimeoutError:  # the built-in TimeoutError since 3.11
        print("then wait_for raised TimeoutError")


asyncio.run(main())
