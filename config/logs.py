"""Logging: readable lines on a terminal, or one JSON object a line (LOG_FORMAT=json) for a log collector, with
the time, level, logger and message as fields, and an exception's traceback in `exc_info`."""

FORMATS = {
    "text": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    "json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "{asctime}{levelname}{name}{process}{message}",
        "style": "{",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger", "process": "pid"},
    },
}


def logging_config(log_format, level):
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"service": FORMATS[log_format]},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "service"}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {"pgserver": {"level": "WARNING"}},
    }
