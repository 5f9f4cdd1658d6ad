# Test-only stand-ins for the Docker Hub images docker-compose.yml names, which this machine
# cannot pull: Debian bookworm's own PostgreSQL 15, Redis 7 and nginx, tagged with the compose
# names by scripts/container-test.mjs. They follow the official images' contracts as far as the
# stack uses them (POSTGRES_* variables and pg_isready; redis-server; conf.d and daemon off).
FROM alumnilink-test/services:bookworm AS postgres
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]

FROM alumnilink-test/services:bookworm AS redis
CMD ["redis-server", "--protected-mode", "no"]

FROM alumnilink-test/services:bookworm AS nginx
RUN rm -f /etc/nginx/sites-enabled/default \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log
CMD ["nginx", "-g", "daemon off;"]
