"""Log lines for dropped articles that name the URL, not the whole article text."""
from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


class NewsLogFormatter(LogFormatter):
    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        # The pipeline's message already names the URL; the item is the full text.
        result["msg"] = "Dropped: %(exception)s"
        result["args"] = {"exception": exception}
        return result
