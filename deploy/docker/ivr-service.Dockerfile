# syntax=docker/dockerfile:1
# ivr-service for platforms without build arguments (Render); see Dockerfile.jvm.
ARG MODULE=ivr-service

FROM maven:3.9-eclipse-temurin-25 AS build
ARG MODULE
WORKDIR /src
COPY . .
# -pl builds MODULE and the simulator (the AOT cache's training load), -am what they depend on
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -pl "${MODULE},simulator" -am package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:25-jre AS runtime
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

# The AOT cache (JDK 25: classes loaded and linked ahead of time, method profiles from a training
# run), trained by this image's JVM (a cache works only on the JVM and jars that made it) under a
# short run of the service's benchmark load, the same command as bin/aot-cache; the simulator
# stays out of the final image
FROM runtime AS train
ARG MODULE
COPY --from=build /src/simulator/target/simulator.jar /opt/simulator/
COPY --from=build /src/simulator/target/lib/ /opt/simulator/lib/
RUN java -Xmx1g -jar /opt/simulator/simulator.jar aot-train --module "${MODULE}" --app /deployments

FROM runtime
COPY --from=train --chown=10001:0 /deployments/app.aot app.aot
ENV PORT=8080 \
    WAITLIST_DATA_DIR=/deployments/data \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-XX:AOTCache=app.aot -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE 8080
USER 10001
HEALTHCHECK --interval=10s --timeout=2s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/q/health/live" || exit 1
# exec: java is PID 1 and receives SIGTERM itself (the bridge drains calls on it); from
# /deployments with the relative jar path the cache was trained with
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar quarkus-run.jar"]
