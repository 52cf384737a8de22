"""Statistics tools: the dataset catalog, aggregations and availability statements."""
