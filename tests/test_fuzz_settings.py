"""Property-based fuzzing of settings (pipeline/settings.py) with hypothesis.

Any value of any DIPLOWATCH_* variable, and any value in a settings file, gives either a
Settings whose every field is in range, or a ConfigError that starts with the variable (or
the file) and says what is wrong; never another exception, never a silent bad value.
"""

from __future__ import annotations

import dataclasses
import math

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.errors import ConfigError
from pipeline.settings import Settings, check_setting, env_name, load_settings

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FIELDS = sorted(f.name for f in dataclasses.fields(Settings))

values = st.one_of(
    st.text(max_size=30),
    st.integers(-(2**70), 2**70).map(str),
    st.floats().map(str),
    st.sampled_from(
        ["0", "-5", "nan", "inf", "-inf", "1e309", "0x10", "1_000", " 3 ", "", "true", "USA,RUS",
         "USA RUS CHN", "sqlite://", "postgresql://u@h:99999/db", "\x00", "\ud800", "٣"]
    ),
)  # fmt: skip


def _in_range(result: Settings) -> None:
    for name in FIELDS:
        value = getattr(result, name)
        check_setting(name, value, "test")  # raises when out of range
        if isinstance(value, float):
            assert math.isfinite(value)


@FUZZ
@given(name=st.sampled_from(FIELDS), value=values)
@example(name="http_timeout", value="nan")
@example(name="max_redirects", value="-1")
@example(name="article_max_attempts", value="0")
@example(name="db_url", value="")
def test_any_environment_value_is_a_valid_setting_or_names_its_variable(name, value):
    variable = env_name(name)
    try:
        result = load_settings(env={variable: value})
    except ConfigError as exc:
        message = str(exc)
        assert message.startswith(f"{variable}: ") and len(message) > len(variable) + 10
        assert "Traceback" not in message
        return
    _in_range(result)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@FUZZ
@given(
    data=st.dictionaries(
        st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), scalars, max_size=3
    )
)
def test_any_settings_file_is_valid_settings_or_names_the_file(tmp_path, data):
    path = tmp_path / "dw.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        result = load_settings(env={"DIPLOWATCH_CONFIG": str(path)})
    except ConfigError as exc:
        assert str(exc).startswith(f"{path}: "), str(exc)
        return
    _in_range(result)
