-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- POSTGRES_DB creates "maturity"; the tests use "maturity_test".
CREATE DATABASE maturity_test;
