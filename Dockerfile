# Löften's production image: the app served by gunicorn, its static files collected at
# build time. The same image runs the web server, the task worker and one-off commands
# (migrate, backup); see compose.yaml and docs/deployment.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# WeasyPrint draws PDFs with Pango; pg_dump for `loften backup` on PostgreSQL.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --create-home --home-dir /home/loften loften
WORKDIR /app

# Dependencies first, so that a change to the code alone reuses this layer.
COPY pyproject.toml constraints.txt ./
RUN mkdir -p loften && touch loften/__init__.py \
    && pip install -c constraints.txt -e . \
    && rm -rf loften

COPY . .
RUN pip install -c constraints.txt --no-deps -e . \
    && SECRET_KEY=build-only-not-a-secret DEBUG=false ENV_FILE= \
       loften collectstatic --no-input -v 0 \
    && mkdir -p /app/var && chown loften /app/var

USER loften
EXPOSE 8000
# WEB_CONCURRENCY (gunicorn reads it) sets the workers: two per core, plus one. Each
# request is logged by the app itself, as JSON with its request id (LOG_FORMAT).
CMD ["gunicorn", "loften.wsgi", "--bind", "0.0.0.0:8000"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s \
    CMD python -c "import urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:8000/readyz', headers={'X-Forwarded-Proto': 'https'}), timeout=4)"
