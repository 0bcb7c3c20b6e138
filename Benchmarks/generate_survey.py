#!/usr/bin/env python3
"""Writes a valid Chorus survey of about the requested size: hundreds of questions of every kind,
two languages, show-if logic and constraints, so that parsing and every check do real work."""
import sys

def text(tag, en, es, indent="    ", attrs=""):
    return (f'{indent}<{tag}{attrs} xml:lang="en">{en}</{tag}>\n'
            f'{indent}<{tag}{attrs} xml:lang="es">{es}</{tag}>\n')

def options(n, prefix):
    return "".join(
        f'    <option value="{prefix}{i}"><label xml:lang="en">Choice number {i} about the neighborhood</label>'
        f'<label xml:lang="es">Opción número {i} sobre el barrio</label></option>\n' for i in range(n))

def question(i):
    kind = ["single", "multiple", "rank", "scale", "number", "yes-no", "text", "note"][i % 8]
    qid = f"q{i}"
    attrs = f'id="{qid}" type="{kind}"'
    body = text("prompt", f"Question {i}: how do you feel about safety on your block at night?",
                f"Pregunta {i}: ¿cómo se siente con la seguridad en su cuadra de noche?")
    if kind != "note":
        body += text("hint", "Choose what fits best.", "Elija lo que mejor corresponda.")
    if i >= 8 and kind != "note":
        answered = i - 5 if (i - 5) % 8 != 7 else i - 6  # every eighth question is a note, with no answer
        attrs += f' show-if="selected(q{i - 8 - (i % 8)}, \'o{i % 5}\') or q{answered} != \'\'"'
    if kind in ("single", "multiple", "rank"):
        body += options(8, "o")
        attrs += {"single": ' required="true"', "multiple": ' max="3"', "rank": ' picks="3"'}[kind]
    elif kind == "scale":
        attrs += ' min="1" max="5"'
        body += text("min-label", "Not at all", "Para nada") + text("max-label", "Completely", "Totalmente")
    elif kind == "number":
        attrs += ' min="0" max="120"'
        body += ('    <constraint test=". &lt;= 100 or . = 120"><message xml:lang="en">At most 100, please.</message>'
                 '<message xml:lang="es">Como máximo 100, por favor.</message></constraint>\n')
    elif kind == "text":
        attrs += ' max-length="480"'
    return f"  <question {attrs}>\n{body}  </question>\n"

def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_048_576
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<survey xmlns="urn:chorus:survey:1" id="benchmark" version="1" languages="en es">\n'
            + text("title", "Benchmark survey", "Encuesta de prueba", "  ")
            + text("consent", "You agree to answer.", "Usted acepta responder.", "  "))
    body, i = [], 0
    size = len(head.encode())
    while size < target:
        q = question(i)
        body.append(q)
        size += len(q.encode())
        i += 1
    sys.stdout.write(head + "".join(body) + "</survey>\n")
    print(f"{i} questions", file=sys.stderr)

main()
