"""gunicorn settings from the environment: `gunicorn portal.wsgi --config python:portal.gunicorn_conf`.

With GUNICORN_THREADS above 1 gunicorn uses its threaded worker (gthread): each
worker process serves that many requests at once and holds up to that many
database connections (CONN_MAX_AGE keeps them open). Size PostgreSQL's
max_connections for instances × workers × threads, plus a margin.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycling workers now and then bounds the damage of a slow memory leak; the wide
# jitter keeps them from restarting (and pausing) all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "1000"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
# The request id ties an access-log line to the application's log lines. JSON like
# the application's (LOG_FORMAT, json unless DEBUG is on), or this line as text.
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s "%(a)s"'
_debug = os.environ.get("DEBUG", "1").lower() in ("1", "true", "yes", "on")
if os.environ.get("LOG_FORMAT", "text" if _debug else "json") == "json":
    logger_class = "portal.gunicorn_logger.JsonAccessLogger"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The heartbeat files live in memory: a container's overlay disk can stall them.
worker_tmp_dir = os.environ.get(
    "GUNICORN_WORKER_TMP_DIR", "/dev/shm" if os.path.isdir("/dev/shm") else None
)
