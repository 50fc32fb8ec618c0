# Production image: gunicorn serving the portal, static files hashed and
# compressed at build time. No Docker engine runs on the development machines,
# so this file is kept simple and checked by reading (see README).

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /venv
COPY requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install -r /tmp/requirements.txt

FROM python:3.11-slim-bookworm
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DEBUG=0 \
    MEDIA_ROOT=/data/media \
    PORT=8000
RUN useradd --system --create-home --uid 10001 portal \
 && mkdir -p /data/media && chown portal:portal /data/media
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=portal:portal . .
# collectstatic needs settings that would refuse to start without these; the
# values exist only for this build step.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=build.invalid python manage.py collectstatic --noinput \
 && python -m compileall -q portal actors events
USER portal
EXPOSE 8000
VOLUME ["/data/media"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/healthz', timeout=4)" || exit 1
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn portal.wsgi --config python:portal.gunicorn_conf"]
