# The diplowatch Airflow image: the official Airflow 3.3.2 image with this project installed
# from uv.lock, so the image runs the versions the tests ran.
#
#   docker compose build        (docker-compose.yml builds it as diplowatch-airflow)
#
# Stage 1 exports uv.lock to a hashed requirements file (`uv export --frozen`: it fails if
# the lock is out of date with pyproject.toml) and builds the project's wheel, which carries
# the `airflow.plugins` entry point and the module it names (plugins/diplowatch_plugin.py).
# Stage 2 installs exactly those pins with --require-hashes --no-deps: nothing is resolved
# at build time, so nothing drifts. AIRFLOW_VERSION must match the lock's apache-airflow
# (the build checks it; tests/test_compose.py too).
ARG AIRFLOW_VERSION=3.3.2
ARG UV_VERSION=0.13.9

FROM ghcr.io/astral-sh/uv:${UV_VERSION}-python3.12-bookworm-slim AS build
ARG AIRFLOW_VERSION
WORKDIR /src
COPY pyproject.toml uv.lock README.md /src/
COPY pipeline /src/pipeline
COPY plugins /src/plugins
RUN uv export --frozen --no-dev --extra airflow --no-emit-project \
        --format requirements-txt --output-file /dist/requirements.txt
RUN if ! grep -q "^apache-airflow==${AIRFLOW_VERSION} " /dist/requirements.txt; then \
        echo "uv.lock does not pin apache-airflow==${AIRFLOW_VERSION}; fix AIRFLOW_VERSION" >&2; \
        exit 1; \
    fi
RUN uv build --wheel --out-dir /dist

FROM apache/airflow:${AIRFLOW_VERSION}
ARG AIRFLOW_VERSION

COPY --from=build --chown=airflow:0 /dist /tmp/diplowatch-dist
# The DAGs folder and the default feeds file live beside the installed package.
COPY --chown=airflow:0 dags /opt/diplowatch/dags
COPY --chown=airflow:0 pipeline/data/feeds.yaml /opt/diplowatch/pipeline/data/feeds.yaml

USER airflow
RUN pip install --no-cache-dir --require-hashes --no-deps \
        -r /tmp/diplowatch-dist/requirements.txt \
    && pip install --no-cache-dir --no-deps /tmp/diplowatch-dist/diplowatch-*.whl \
    && rm -rf /tmp/diplowatch-dist \
    && python -c "from importlib.metadata import version as v; \
assert v('apache-airflow') == '${AIRFLOW_VERSION}', v('apache-airflow')" \
    && diplowatch --help > /dev/null \
    && python -c "import spacy, trafilatura, pipeline.api, plugins.diplowatch_plugin"

ENV AIRFLOW__CORE__DAGS_FOLDER=/opt/diplowatch/dags \
    AIRFLOW__CORE__LOAD_EXAMPLES=False \
    DIPLOWATCH_FEEDS=/opt/diplowatch/pipeline/data/feeds.yaml
