"""Reading and understanding notes: files -> cards -> concepts and relations."""
