"""Our own rules over jieba's tokens and word lists; ``stages`` lists them as pipeline stages."""
