def posted(request):
    """The form data of a POST, even an empty one (an empty form is still a submitted form), else None."""
    return request.POST if request.method == "POST" else None
