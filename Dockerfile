# The diplowatch Airflow image: the official Airflow 3.3.2 image with this project installed.
#
#   docker compose build        (docker-compose.yml builds it as diplowatch-airflow)
#
# The project is installed editable at /opt/diplowatch: its `airflow.plugins` entry point
# (plugins.diplowatch_plugin) and the DAGs folder resolve to the files copied there.
FROM apache/airflow:3.3.2

ARG AIRFLOW_VERSION=3.3.2

COPY --chown=airflow:0 pyproject.toml README.md /opt/diplowatch/
COPY --chown=airflow:0 pipeline /opt/diplowatch/pipeline
COPY --chown=airflow:0 dags /opt/diplowatch/dags
COPY --chown=airflow:0 plugins /opt/diplowatch/plugins
COPY --chown=airflow:0 sql /opt/diplowatch/sql

USER airflow
# Pinning apache-airflow keeps pip from moving the image's Airflow while it resolves ours.
RUN pip install --no-cache-dir "apache-airflow==${AIRFLOW_VERSION}" -e /opt/diplowatch \
    && diplowatch --help > /dev/null \
    && python -c "import spacy, trafilatura, pipeline.api, plugins.diplowatch_plugin"

ENV AIRFLOW__CORE__DAGS_FOLDER=/opt/diplowatch/dags \
    AIRFLOW__CORE__LOAD_EXAMPLES=False \
    DIPLOWATCH_FEEDS=/opt/diplowatch/pipeline/data/feeds.yaml
