# syntax=docker/dockerfile:1
# realtime-bridge for platforms without build arguments (Render); see Dockerfile.jvm.
ARG MODULE=realtime-bridge

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
# -pl builds only MODULE, -am also what it depends on (shared-model)
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -pl "${MODULE}" -am package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:17-jre
ARG MODULE
# curl only for the HEALTHCHECK; uid 10001, group 0 (works on arbitrary-uid platforms)
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --gid 0 --home-dir /deployments app
WORKDIR /deployments
# WAITLIST_DATA_DIR: the embedded database (development) and the bridge's outbox
RUN mkdir data && chown 10001:0 data
COPY --from=build --chown=10001:0 /src/${MODULE}/target/quarkus-app/lib/ lib/
COPY --from=build --chown=10001:0 /src/${MODULE}/target/quarkus-app/*.jar ./
COPY --from=build --chown=10001:0 /src/${MODULE}/target/quarkus-app/app/ app/
COPY --from=build --chown=10001:0 /src/${MODULE}/target/quarkus-app/quarkus/ quarkus/
# AppCDS: the class-data archive is made here, by this image's JVM (an archive only works on the
# JVM that wrote it); Quarkus runs its static initialisation, then exits
RUN java -XX:ArchiveClassesAtExit=/deployments/app-cds.jsa -Dquarkus.appcds.generate=true \
      -jar /deployments/quarkus-run.jar \
 && chown 10001:0 /deployments/app-cds.jsa
ENV PORT=8080 \
    MANAGEMENT_PORT=9000 \
    WAITLIST_DATA_DIR=/deployments/data \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:SharedArchiveFile=/deployments/app-cds.jsa -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
# 8080: API, webhooks, media stream; MANAGEMENT_PORT (9000): metrics and health details, for the
# cluster only (never published)
EXPOSE 8080
USER 10001
HEALTHCHECK --interval=10s --timeout=2s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/api/health/live" || exit 1
# exec: java is PID 1 and receives SIGTERM itself (the bridge drains calls on it)
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
