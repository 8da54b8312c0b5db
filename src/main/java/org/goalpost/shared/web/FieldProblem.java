package org.goalpost.shared.web;

/** One rejected input field and why, as shown next to a form field or listed in problem details. */
public record FieldProblem(String field, String message) {}
