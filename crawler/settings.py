"""Scrapy settings for the newsfacts crawler.

Our own keys are NEWSFACTS_*; per-source overrides come from the sources file.
"""

BOT_NAME = "newsfacts"

SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

NEWSFACTS_CONTACT_URL = "https://github.com/newsfacts/newsfacts"
USER_AGENT = f"newsfacts/0.1 (+{NEWSFACTS_CONTACT_URL})"

# Politeness: obey robots.txt, one request at a time per domain, adaptive delay.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2

ITEM_PIPELINES = {
    "crawler.pipelines.ValidateArticlePipeline": 100,
    "crawler.pipelines.DuplicatesPipeline": 200,
    "crawler.pipelines.StoreArticlePipeline": 300,
}

# Where StoreArticlePipeline writes: any SQLAlchemy URL or a SQLite file path.
NEWSFACTS_DB = None
NEWSFACTS_MIN_TEXT_CHARS = 200

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
