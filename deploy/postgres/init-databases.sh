#!/bin/sh
# First start of the postgres container only: one database and role each for Kratos and Truss.
# Passwords come from the environment (deploy/.env); use URL-safe values (e.g. openssl rand -hex 24).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE kratos LOGIN PASSWORD '${KRATOS_DB_PASSWORD}';
CREATE DATABASE kratos OWNER kratos;
CREATE ROLE truss LOGIN PASSWORD '${TRUSS_DB_PASSWORD}';
CREATE DATABASE truss OWNER truss;
SQL
