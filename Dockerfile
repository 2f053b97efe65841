# One image per service, from one file: the build argument SERVICE picks what the image holds and runs.
#   docker build --build-arg SERVICE=producer   -t flightwatch-producer   .   # articles -> articles.raw
#   docker build --build-arg SERVICE=processor  -t flightwatch-processor  .   # CoreNLP: raw -> annotated, claims
#   docker build --build-arg SERVICE=aggregator -t flightwatch-aggregator .   # claims -> totals, REST + dashboard :8080
# docker-compose.yml and docker-compose.cluster.yml build all three. An image holds its service's module, the jars that
# module needs at run time and the logging back end: no broker, no bench, and the CoreNLP models only in the processor.
# Give the processor's container at least 3 GB of memory: CoreNLP's models want about 2 GB of heap.

ARG SERVICE=aggregator

# ---- build: compile everything once, then collect the chosen service's runtime jars in /out/lib ----
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
# POMs first: this layer downloads every dependency and plugin once and is reused while only sources change
# (modules are packaged empty here; nothing is compiled).
COPY pom.xml ./
COPY common/pom.xml common/
COPY ingest-producer/pom.xml ingest-producer/
COPY nlp-processor/pom.xml nlp-processor/
COPY aggregator/pom.xml aggregator/
COPY bench/pom.xml bench/
COPY app/pom.xml app/
COPY config/ config/
RUN mvn -B -q -pl app -am package dependency:copy-dependencies -DskipTests -Dmaven.main.skip=true \
      -Dmaven.test.skip=true -DincludeScope=runtime -DoutputDirectory=/tmp/warm \
 && rm -rf /tmp/warm */target
COPY . .
# One reactor invocation: package every module and copy each one's runtime jars into its own target/lib (the sibling
# modules resolve to the jars just packaged, so nothing is installed anywhere). Then keep the chosen one's.
RUN case "$SERVICE" in \
      producer) module=ingest-producer; main=io.flightwatch.ingest.ProduceCommand ;; \
      processor) module=nlp-processor; main=io.flightwatch.nlp.stream.ProcessCommand ;; \
      aggregator) module=aggregator; main=io.flightwatch.aggregator.AggregateCommand ;; \
      *) echo "SERVICE must be producer, processor or aggregator, not '$SERVICE'" >&2; exit 2 ;; \
    esac \
 && mvn -B -q -pl app -am package dependency:copy-dependencies -DskipTests -DincludeScope=runtime \
      -DoutputDirectory=target/lib \
 && mkdir -p /out/lib /out/conf \
 && cp "$module"/target/lib/*.jar /out/lib/ \
 && cp "$module"/target/"$module"-*.jar /out/lib/ \
 && cp app/target/lib/log4j-*.jar /out/lib/ \
 && cp app/src/main/resources/log4j2.xml /out/conf/ \
 && echo "$main" > /out/main

# ---- runtime: a JRE, the service's jars, nothing else ----
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin flightwatch
WORKDIR /app
# the default state folders (data/...) are relative to /app: writable by the service's user
RUN mkdir -p /app/data && chown flightwatch /app/data
COPY --from=build /out/ /app/
# the JVM sizes its heap from the container's memory limit
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC" \
    FLIGHTWATCH_SERVICE=${SERVICE}
USER flightwatch
# REST API and dashboard (the aggregator), metrics and health (the processor)
EXPOSE 8080
# configuration: FLIGHTWATCH_* environment variables (docs/configuration.md), or arguments after the image name
ENTRYPOINT ["/bin/sh", "-c", "exec java -Dlog4j2.configurationFile=/app/conf/log4j2.xml -cp '/app/lib/*' \"$(cat /app/main)\" \"$@\"", "flightwatch"]
