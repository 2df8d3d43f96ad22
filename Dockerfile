# syntax=docker/dockerfile:1
#
# Build:  docker build -t tastebot .
# Run:    docker run -d --name tastebot --restart unless-stopped -v tastebot-data:/app/data \
#           -e TASTEBOT_DISCORD_TOKEN -e TASTEBOT_TELEGRAM_TOKEN -e TASTEBOT_SPOTIFY_CLIENT_SECRET \
#           -e TASTEBOT_TOKEN_ENCRYPTION_KEY -p 127.0.0.1:8080:8080 tastebot
# TASTEBOT_DISCORD_TOKEN runs the bot on Discord, TASTEBOT_TELEGRAM_TOKEN on Telegram; pass either or
# both (one process serves both). Telegram is long-polled: it needs no published port.
# Settings come from environment variables (TASTEBOT_*) or from a properties file mounted at
# /app/config/tastebot.properties; see config/tastebot.example.properties.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build

# The wrapper and the POM change rarely: resolving dependencies in their own layer lets a
# source-only change rebuild without downloading them again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline

COPY src src
RUN ./mvnw -B -DskipTests package


FROM eclipse-temurin:25-jre

# The Temurin images ship neither curl nor wget; curl is the health check's only need.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system tastebot \
    && useradd --system --gid tastebot --home-dir /app --no-create-home tastebot

WORKDIR /app
COPY --from=build /build/target/tastebot.jar /app/tastebot.jar

# The database lives in the volume; the default db.path (data/tastebot.db) resolves against
# WORKDIR to /app/data/tastebot.db. It is not set here as an environment variable because
# that would silently override a db.path from a mounted properties file.
# The directory is created and owned before VOLUME so that a fresh named volume inherits the
# ownership and the non-root user can write to it.
RUN mkdir -p /app/data /app/config && chown -R tastebot:tastebot /app/data
VOLUME /app/data

USER tastebot

# Inside the container the loopback address is unreachable from the host, so listen on every
# interface; publish the port on the host's loopback (-p 127.0.0.1:8080:8080) or behind a proxy.
ENV TASTEBOT_WEB_BIND=0.0.0.0
EXPOSE 8080

# The web server answers GET /health on web.port. The probe reads the same TASTEBOT_WEB_PORT
# variable (default 8080), so set the port through the environment rather than the file when
# changing it. curl -f turns any HTTP error status into a failed check. start-period leaves
# room for the JVM to start and open the database before failures count.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${TASTEBOT_WEB_PORT:-8080}/health" || exit 1

# MaxRAMPercentage sizes the heap from the container's memory limit rather than the host's.
# ExitOnOutOfMemoryError: a JVM out of memory has threads that died half-way (a scheduler, a
# connection); exiting lets the restart policy (docker run --restart unless-stopped) start it clean.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/tastebot.jar"]
CMD ["run"]
