"""Scrapy settings for the newsfacts crawler.

Our own keys are NEWSFACTS_*; per-source overrides come from the sources file.
"""

BOT_NAME = "newsfacts"

SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# The User-Agent names the project and where site owners can reach its operator;
# crawler.runner rebuilds it when NEWSFACTS_CONTACT_URL is overridden.
NEWSFACTS_CONTACT_URL = "https://github.com/newsfacts/newsfacts"
USER_AGENT = f"newsfacts/0.1 (+{NEWSFACTS_CONTACT_URL})"

# Politeness: obey robots.txt, one request at a time per domain, and let
# AutoThrottle adapt the delay to each site's latency, starting at 2 s.
# A source's own `download_delay` is kept fixed instead (see the spider).
# DOWNLOAD_DELAY is AutoThrottle's floor: above 0 it would also override
# the delay a source sets for itself.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

# Retry server errors and timeouts with exponential backoff; 4xx are final.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524]
NEWSFACTS_RETRY_BACKOFF_BASE = 1.0
NEWSFACTS_RETRY_BACKOFF_MAX = 60.0

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.PrivateHostMiddleware": 50,
    "crawler.middlewares.SeenUrlMiddleware": 60,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
# Hosts exempt from the private-address refusal (sources with allow_private).
NEWSFACTS_PRIVATE_HOSTS_ALLOWED: list[str] = []
# Fetch article URLs again even when they are already stored.
NEWSFACTS_REFRESH = False
# SeenUrlMiddleware deduplicates instead, at download time (see its docstring).
DUPEFILTER_CLASS = "scrapy.dupefilters.BaseDupeFilter"

ITEM_PIPELINES = {
    "crawler.pipelines.ValidateArticlePipeline": 100,
    "crawler.pipelines.DuplicatesPipeline": 200,
    "crawler.pipelines.StoreArticlePipeline": 300,
}

# Where StoreArticlePipeline writes: any SQLAlchemy URL or a SQLite file path.
NEWSFACTS_DB = None
NEWSFACTS_MIN_TEXT_CHARS = 200

# Worker processes that extract pages off the reactor thread (0: inline).
NEWSFACTS_EXTRACT_WORKERS = 2

EXTENSIONS = {"crawler.extensions.MemoryCheckpoints": 500}
# Article counts after which to record resident memory (empty: off).
NEWSFACTS_MEMORY_CHECKPOINTS: list[int] = []

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_FORMATTER = "crawler.logformatter.NewsLogFormatter"
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"
LOG_LEVEL = "INFO"
