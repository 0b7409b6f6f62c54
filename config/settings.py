"""Settings for casereviews. Everything that varies between machines comes from the environment."""

import warnings
from pathlib import Path

from csp.constants import NONCE, NONE, SELF

from config.database import database_from_url, embedded_database
from config.env import env_bool, env_choice, env_int, env_list, env_str
from config.logs import FORMATS, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
# Development (DEBUG=1) may run with a throwaway key; anything else must be given one.
SECRET_KEY = env_str("SECRET_KEY", default="insecure-development-key") if DEBUG else env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "accounts.apps.AdminConfig",  # django.contrib.admin, for administrators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",  # authenticator apps: the second factor of curators and administrators
    "django_otp.plugins.otp_static",  # their recovery codes
    "pgtrigger",
    "pghistory",
    "django_tasks",
    "django_tasks_db",
    # The project's apps, lowest layer first: each imports only from those above it in this list
    # (the import-linter contract in pyproject.toml says so and `make lint` checks it).
    "agencies",
    "accounts",
    "reviews",
    "findings",
    "search",
    "ingest",
    "curation",
    "alerts",
    "api",
]

MIDDLEWARE = [
    "config.health.health_check",  # /healthz, before the HTTPS redirect and the host check
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.two_factor_required",
    "accounts.middleware.private_when_signed_in",
    "csp.middleware.CSPMiddleware",
    "config.limits.request_size_limit",
    "pghistory.middleware.HistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
                "config.context_processors.refused",
                "accounts.session.timeout",
            ],
            "builtins": ["django.contrib.humanize.templatetags.humanize"],
        },
    },
]

# Database: DATABASE_URL (production, CI), else an embedded PostgreSQL in EMBEDDED_DB_DIR.
DATABASE_URL = env_str("DATABASE_URL", default="")
if DATABASE_URL:
    DATABASES = {"default": database_from_url(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
else:
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    DATABASES = {"default": embedded_database(BASE_DIR / env_str("EMBEDDED_DB_DIR", default=".data/postgres"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / env_str("STATIC_ROOT", default="staticfiles")
# GOV.UK Frontend's built assets (make frontend) live in .build/govuk, served as /static/govuk/.
STATICFILES_DIRS = [BASE_DIR / "static", ("govuk", BASE_DIR / ".build" / "govuk")]
# Production serves hashed, compressed files collected into STATIC_ROOT (collectstatic);
# development and tests serve the source folders directly.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", default=not DEBUG)
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
# Uploaded documents: local files under MEDIA_ROOT, or an S3-compatible bucket when S3_BUCKET is set (several web
# and worker machines then share them). Credentials come from the environment as boto3 reads them
# (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role). Objects are private and never served.
S3_BUCKET = env_str("S3_BUCKET", default="")
DOCUMENT_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL", default="") or None,  # unset: AWS itself
            "region_name": env_str("S3_REGION", default="") or None,
            "location": env_str("S3_PREFIX", default=""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": DOCUMENT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = BASE_DIR / env_str("MEDIA_ROOT", default="media")
MEDIA_URL = "/media/"

BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
PROXY_COUNT = env_int("PROXY_COUNT", 1)  # proxies in front of the service, each adding to X-Forwarded-For
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# Behind the TLS proxy every request is HTTPS: plain HTTP is redirected and browsers are told to keep to HTTPS
# (HSTS, a year by default; SECURE_HSTS_SECONDS=0 turns it off while a deployment is first tried).
SECURE_SSL_REDIRECT = BEHIND_TLS_PROXY
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60 if BEHIND_TLS_PROXY else 0)
# The service's own host name serves nothing but it: its subdomains too, and it may be preloaded.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content Security Policy (django-csp): the service's own files only; no inline script but the one line of
# base.html that carries the request's nonce; no inline style. The Django admin (administrators only) is left
# to its own defaults.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Audit triggers (django-pghistory on django-pgtrigger) live in migrations; those on the link tables Django
# creates itself (finding and review themes, agencies) are installed after every migrate.
PGTRIGGER_INSTALL_ON_MIGRATE = True

# A page of search results is kept this long (until the corpus changes in any case); 0: never (benchmarks).
SEARCH_CACHE_SECONDS = env_int("SEARCH_CACHE_SECONDS", 3600)

# Semantic matching beside full-text search (search.semantic): findings found by meaning as well as by words.
# Off: search is full-text only, nothing is embedded, and no similar findings or reviews are offered.
SEMANTIC_SEARCH = env_bool("SEMANTIC_SEARCH", True)

# Background work (documents, embeddings): the database queue, worked by `manage.py process_worker`.
# TASKS_BACKEND=immediate runs tasks in the request instead (tests).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {
    "default": {
        "BACKEND": TASK_BACKENDS[env_choice("TASKS_BACKEND", TASK_BACKENDS, "database")],
        # large: documents of INGEST_LARGE_MB or more; embeddings: search.semantic's, each queue its own worker
        "QUEUES": ["default", "large", "embeddings"],
    }
}

# The queues /healthz expects a live worker for (nothing is queued for embeddings with semantic search off).
WORKER_QUEUES = ["default", "large", *(["embeddings"] if SEMANTIC_SEARCH else [])]

# Uploads: the largest document accepted, in megabytes. Files go to MEDIA_ROOT and are never served directly.
UPLOAD_MAX_MB = env_int("UPLOAD_MAX_MB", 50)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Work on an uploaded document, in the worker (ingest.limits, reviews.bounded): each processing stage runs in a child
# process with a time and a memory limit; what a document may hold is capped, with a clear message when it is not.
INGEST_STAGE_SECONDS = env_int("INGEST_STAGE_SECONDS", 300)
INGEST_STAGE_MEMORY_MB = env_int("INGEST_STAGE_MEMORY_MB", 1536)  # beyond what the worker itself uses
INGEST_MAX_WORDS = env_int("INGEST_MAX_WORDS", 250_000)
# Scanned PDF pages are read by OCR when Debian's tesseract-ocr is installed (INGEST_OCR=0: refused as scans).
INGEST_OCR = env_bool("INGEST_OCR", True)
INGEST_MAX_FLAGS = env_int("INGEST_MAX_FLAGS", 1_000)
INGEST_DOCX_MAX_PARTS = env_int("INGEST_DOCX_MAX_PARTS", 1_000)
INGEST_DOCX_MAX_UNPACKED_MB = env_int("INGEST_DOCX_MAX_UNPACKED_MB", 200)  # every part, pictures included
INGEST_DOCX_MAX_XML_MB = env_int("INGEST_DOCX_MAX_XML_MB", 64)  # the XML read, counted as it is unpacked
# Documents of this size or more go to the "large" queue, worked by its own worker (README, production).
INGEST_LARGE_MB = env_int("INGEST_LARGE_MB", 5)
# Document workers write a heartbeat this often; /healthz counts a worker alive if it beat within the stale time.
WORKER_HEARTBEAT_SECONDS = env_int("WORKER_HEARTBEAT_SECONDS", 15)
# Tasks the default queue's worker queues once a minute (ingest.management.commands.process_worker.Scheduler).
WORKER_EVERY_MINUTE = ["alerts.tasks.run_alerts"]
WORKER_HEARTBEAT_STALE_SECONDS = env_int("WORKER_HEARTBEAT_STALE_SECONDS", 60)
AUTHENTICATION_BACKENDS = ["accounts.backends.NormalisedUsernameBackend"]  # user names are normalised
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Sign-in lockout: this many failed attempts for one username within LOCKOUT_MINUTES lock it for that long.
LOCKOUT_FAILURES = env_int("LOCKOUT_FAILURES", 5)  # at one user name from one client address
LOCKOUT_ADDRESS_FAILURES = env_int("LOCKOUT_ADDRESS_FAILURES", 50)  # from one client address, at any names
LOCKOUT_MINUTES = env_int("LOCKOUT_MINUTES", 15)
# Requests a minute from one client address without signing in (accounts.ratelimit); 0 turns one off.
RATE_LIMITS = {
    "search": env_int("RATE_LIMIT_SEARCH", 120),
    "api": env_int("RATE_LIMIT_API", 120),
    "export": env_int("RATE_LIMIT_EXPORT", 10),
}
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)  # a working day without use
SESSION_SAVE_EVERY_REQUEST = True  # each request renews it, so the timeout warning knows when it ends
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a day

# E-mail (password resets): printed to the console in development.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", default=f"django.core.mail.backends.{'console' if DEBUG else 'smtp'}.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="casereviews <no-reply@casereviews.invalid>")

SITE_NAME = "Case reviews: learning from child safeguarding reviews"
# The service's address as people reach it, for links in e-mails (which are sent outside any request).
SITE_URL = env_str(
    "SITE_URL", default=f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS and not DEBUG else "http://127.0.0.1:8000"
).rstrip("/")
# Where people write with questions, feedback and requests about their data (the contact and privacy pages).
# E-mail alerts (alerts/): hourly limits on confirmation e-mails per address and per client, the days an alert has
# to be confirmed before it and its address are deleted, and how many e-mails the worker sends a minute.
ALERTS_RATE_PER_ADDRESS = env_int("ALERTS_RATE_PER_ADDRESS", 3)
ALERTS_RATE_PER_CLIENT = env_int("ALERTS_RATE_PER_CLIENT", 10)
ALERTS_CONFIRM_DAYS = env_int("ALERTS_CONFIRM_DAYS", 7)
ALERTS_SEND_PER_MINUTE = env_int("ALERTS_SEND_PER_MINUTE", 60)
SERVICE_EMAIL = env_str("SERVICE_EMAIL", default="casereviews@example.invalid")
OTP_TOTP_ISSUER = "casereviews"  # the name authenticator apps show beside the code
PAGE_SIZE = env_int("PAGE_SIZE", 20)

LOGGING = logging_config(env_choice("LOG_FORMAT", FORMATS, "text"), env_str("LOG_LEVEL", default="INFO"))
