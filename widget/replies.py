"""Answer a resent message with the replies already given, instead of twice.

When a connection drops after the server got a message but before the browser
got the replies, the widget sends the same message again with the same id.
Handling it twice would answer twice, or record an answer twice; this keeps the
replies of the last few hundred messages (in memory, for this server process).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Hashable, List

Replies = List[Any]


class RecentReplies:
    def __init__(self, size: int = 500):
        self.size = size
        self._replies: "OrderedDict[Hashable, asyncio.Future]" = OrderedDict()

    async def once(self, key: Hashable, handle: Callable[[], Awaitable[Replies]], recover: Any = None) -> Replies:
        """Run ``handle`` the first time ``key`` is seen; later calls get its replies.

        (``recover`` is for the Redis version, widget.shared_replies: here the
        process that handles a message is the one that remembers it.)"""
        known = self._replies.get(key)
        if known is not None:
            return await asyncio.shield(known)
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self._replies[key] = future
        while len(self._replies) > self.size:
            self._replies.popitem(last=False)
        try:
            future.set_result(await handle())
        except BaseException as error:
            # A failed attempt may be tried again with the same id.
            self._replies.pop(key, None)
            future.set_exception(error)
            future.exception()  # retrieved here, so asyncio does not warn when no one else waits
            raise
        return future.result()
